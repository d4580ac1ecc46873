import { compute } from "./compute";
import { CHECKED, SOURCES } from "./sources";
import type { ReferenceTable } from "./types";

// AWS bills an always-on instance 730 hours a month (24 × 365 ÷ 12); the engine's own month is 30 days (720 h).
const HOURS_PER_MONTH = "730 h";

type Item = {
  id: string;
  item: string;
  price: string;
  priceUnit: string;
  /** What the price comes to, as an expression of `price`. */
  scaled: (price: string) => string;
  scaledLabel: string;
  note: string;
};

const ITEMS: readonly Item[] = [
  {
    id: "m7i-large",
    item: "Compute: m7i.large (2 vCPU, 8 GiB), on-demand Linux",
    price: "$0.1008/h",
    priceUnit: "$/h",
    scaled: (price) => `${price} * ${HOURS_PER_MONTH}`,
    scaledLabel: "a month (730 h)",
    note: "Amazon EC2 On-Demand pricing",
  },
  {
    id: "r7i-large",
    item: "Memory: r7i.large (2 vCPU, 16 GiB), on-demand Linux",
    price: "$0.1323/h",
    priceUnit: "$/h",
    scaled: (price) => `${price} * ${HOURS_PER_MONTH}`,
    scaledLabel: "a month (730 h)",
    note: "Amazon EC2 On-Demand pricing",
  },
  {
    id: "s3-standard",
    item: "S3 Standard (first 50 TB a month)",
    price: "$0.023/GB/month",
    priceUnit: "$/GB/month",
    scaled: (price) => `${price} * 1 TB`,
    scaledLabel: "per TB",
    note: "Amazon S3 pricing",
  },
  {
    id: "s3-ia",
    item: "S3 Standard-Infrequent Access",
    price: "$0.0125/GB/month",
    priceUnit: "$/GB/month",
    scaled: (price) => `${price} * 1 TB`,
    scaledLabel: "per TB",
    note: "Amazon S3 pricing; retrieval is charged per GB",
  },
  {
    id: "s3-deep-archive",
    item: "S3 Glacier Deep Archive",
    price: "$0.00099/GB/month",
    priceUnit: "$/GB/month",
    scaled: (price) => `${price} * 1 TB`,
    scaledLabel: "per TB",
    note: "Amazon S3 pricing; restores take hours",
  },
  {
    id: "ebs-gp3",
    item: "EBS gp3 volume storage",
    price: "$0.08/GB/month",
    priceUnit: "$/GB/month",
    scaled: (price) => `${price} * 1 TB`,
    scaledLabel: "per TB",
    note: "Amazon EBS pricing; 3,000 IOPS and 125 MB/s included",
  },
  {
    id: "egress",
    item: "Data transfer out to the internet (first 10 TB a month)",
    price: "$0.09/GB",
    priceUnit: "$/GB",
    scaled: (price) => `${price} * 1 TB`,
    scaledLabel: "per TB",
    note: "Amazon EC2 data transfer pricing; the first 100 GB a month are free",
  },
];

/** AWS list prices in us-east-1 with what they come to a month or per TB, each worked out by the engine. */
export function costsTable(): ReferenceTable {
  return {
    id: "costs",
    title: "Cloud costs (AWS, us-east-1)",
    caption: `On-demand list prices in US East (N. Virginia), checked ${CHECKED}; prices change, so check the AWS page before quoting one.`,
    columns: [
      { label: "Item", numeric: false },
      { label: "Price", numeric: true },
      { label: "Comes to", numeric: true },
      { label: "Source", numeric: false },
    ],
    rows: ITEMS.map(({ id, item, price, priceUnit, scaled, scaledLabel, note }) => {
      const unitPrice = compute(price, { unit: priceUnit, sig: 4 });
      const total = compute(scaled(price), { sig: 4 });
      return {
        id,
        cells: [item, unitPrice.text, `${total.text} ${scaledLabel}`, `${note}, checked ${CHECKED}`],
        values: { price: unitPrice.value, scaled: total.value },
      };
    }),
    sources: [SOURCES.awsEc2, SOURCES.awsS3, SOURCES.awsEbs, SOURCES.awsTransfer],
  };
}
