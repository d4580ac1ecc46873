import type { ReferenceSource } from "./types";

/** When the prices and "current" figures were last looked up. Update it with the figures, never on its own. */
export const CHECKED = "2026-12";

const checked = `checked ${CHECKED}`;

// Every current figure on the sheet names one of these. Figures were read from the page named, or from a dated
// report quoting it (the `label` says which); a figure that could not be confirmed is left off the sheet.
export const SOURCES = {
  dean2009: {
    label: "Jeff Dean, “Designs, Lessons and Advice from Building Large Distributed Systems”, LADIS keynote",
    url: "https://www.cs.cornell.edu/projects/ladis2009/talks/dean-keynote-ladis2009.pdf",
    year: "2009",
  },
  latencyGist: {
    label:
      "“Latency Numbers Every Programmer Should Know” (Jonas Bonér’s gist of the Dean and Norvig numbers, with the SSD rows)",
    url: "https://gist.github.com/jboner/2841832",
    year: "2012",
  },
  norvig: {
    label: "Peter Norvig, “Teach Yourself Programming in Ten Years” (timing table)",
    url: "https://norvig.com/21-days.html",
    year: "2001",
  },
  ddr5Ryzen: {
    label:
      "AIDA64 latency 63.6 ns, Ryzen 7000 with DDR5-6000 at 2,000 MHz fabric clock (Chiphell chart, reported by Silverflick)",
    url: "https://silverflick.com/2000mhz-fclk-ddr5-6000-seems-optimal-for-ryzen-7000-cpus/",
    year: "2022",
  },
  ddr5AlderLake: {
    label: "AIDA64 latency 92.5 ns, Core i5-12600K with DDR5-6400 (TechPowerUp, reported by Clubic)",
    url: "https://clubic.com/pro/entreprises/intel/actualite-384186-une-premiere-idee-des-performances-ddr5-avec-alder-lake.html",
    year: "2021",
  },
  ddr5Bandwidth: {
    label: "AIDA64 read 35,844 MB/s, JEDEC DDR5-4800 (Longsys benchmark, reported by GamePressure)",
    url: "https://gamepressure.com/newsroom/ddr5-vs-ddr4-benchmark-performance-comparison/z22f55",
    year: "2021",
  },
  pureNvme: {
    label: "Pure Storage, “What Is NVMe?”: NVMe SSDs 20–100 µs, SATA SSDs 100–200 µs",
    url: "https://www.purestorage.com/knowledge/what-is-nvme.html",
    year: "2026",
  },
  kioxiaGen5: {
    label:
      "Kioxia PCIe 5.0 enterprise SSD: read latency 27 µs (previous generation 29 µs), China Flash Market conference (TechPowerUp)",
    url: "https://techpowerup.com/306397/kioxia-unveils-plans-for-a-13-5-gb-s-capable-pcie-gen-5-x4-enterprise-ssd",
    year: "2023",
  },
  samsung990Pro: {
    label: "Samsung 990 PRO (PCIe 4.0 NVMe) specification: sequential read up to 7,450 MB/s",
    url: "https://www.slashcam.com/news/single/Samsung-990-PRO--New-NVMe-SSD-top-model-reaches-th-17407.html",
    year: "2022",
  },
  flashgridAz: {
    label: "FlashGrid, “Latencies between AWS availability zones”: about 0.5 ms to 1.5 ms between zones of one region",
    url: "https://www.flashgrid.io/news/latencies-between-aws-availability-zones-what-are-they-and-how-to-minimize-them/",
    year: "2023",
  },
  ooklaJan2025: {
    label:
      "Ookla Speedtest Global Index, January 2025: global medians, fixed 97.61 Mbps, mobile 91.24 Mbps (reported by Neowin)",
    url: "https://www.neowin.net/news/ookla-speed-test-report-these-countries-have-the-fastest-internet-in-2025-so-far/",
    year: "2025",
  },
  ooklaUsOct2025: {
    label:
      "Ookla Speedtest Global Index, October 2025: United States fixed broadband median 298.38 Mbps (reported by StatRanker)",
    url: "https://statranker.org/?p=5175",
    year: "2025",
  },
  rfc9562: {
    label: "RFC 9562, Universally Unique IDentifiers (UUIDs): 128 bits, text form 36 characters",
    url: "https://www.rfc-editor.org/rfc/rfc9562",
    year: "2024",
  },
  postgresTypes: {
    label: "PostgreSQL documentation, date/time types (timestamp 8 bytes) and numeric types (bigint 8 bytes)",
    url: "https://www.postgresql.org/docs/current/datatype-datetime.html",
    year: "2026",
  },
  ipAddresses: {
    label: "RFC 791 (IPv4, 32-bit addresses) and RFC 8200 (IPv6, 128-bit addresses)",
    url: "https://www.rfc-editor.org/rfc/rfc8200",
    year: "2017",
  },
  xPostLimit: {
    label: "X developer documentation, “Counting characters”: a post holds up to 280 characters",
    url: "https://developer.x.com/en/docs/counting-characters",
    year: "2026",
  },
  photoSize: {
    label:
      "UseCalcPro, “High Resolution Photo File Size Estimates”: 12 MP is 36 MB raw, about 3.6 MB as JPEG at quality 80",
    url: "https://usecalcpro.com/blog/high-resolution-photo-file-size-estimates-2026",
    year: "2026",
  },
  youtubeBitrate: {
    label: "YouTube Help, “Recommended upload encoding settings”: 1080p SDR at 24–30 fps, 8 Mbps",
    url: "https://support.google.com/youtube/answer/1722171",
    year: checked,
  },
  awsEc2: {
    label: "Amazon EC2 On-Demand pricing, US East (N. Virginia), Linux",
    url: "https://aws.amazon.com/ec2/pricing/on-demand/",
    year: checked,
  },
  awsS3: {
    label: "Amazon S3 pricing, US East (N. Virginia), storage",
    url: "https://aws.amazon.com/s3/pricing/",
    year: checked,
  },
  awsEbs: {
    label: "Amazon EBS pricing, US East (N. Virginia), gp3 volumes",
    url: "https://aws.amazon.com/ebs/pricing/",
    year: checked,
  },
  awsTransfer: {
    label: "Amazon EC2 On-Demand pricing, “Data Transfer OUT From Amazon EC2 To Internet”, US East (N. Virginia)",
    url: "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer",
    year: checked,
  },
} as const satisfies Record<string, ReferenceSource>;
