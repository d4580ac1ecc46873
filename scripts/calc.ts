// npm run calc -- "<expression>" [--to <unit>] [--sig <n>]: evaluates a formula with the engine and prints it.
import { EngineError, evaluate, formatQuantity } from "@/lib/engine";

const USAGE = `Usage: npm run calc -- "<expression>" [--to <unit>] [--sig <n>]

Evaluates a back-of-the-envelope formula with units and prints the result readably.

  --to <unit>   print the result in this unit (4 significant figures unless --sig says otherwise)
  --sig <n>     significant figures to show
  --help        show this help

Examples:
  npm run calc -- "3 TB/day" --to "MB/s"                         → 34.72 MB/s
  npm run calc -- "300M * 20 / 1 day"                            → 69,444/s
  npm run calc -- "ceil(208k requests/s / (10k requests/s))"     → 21

Numbers take k, M, bn, T and units (B, KB…EB, Gbps, ms, day, month = 30 days, $); in formulas B is bytes.
Functions: ceil floor round min max clamp log2 log10 ln exp sqrt pow abs.`;

type Options = { expression: string; to: string | undefined; sig: number | undefined; help: boolean };

function parseArguments(argv: readonly string[]): Options | string {
  const parts: string[] = [];
  let to: string | undefined;
  let sig: number | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--to") {
      to = argv[++i];
      if (to === undefined) return "--to needs a unit, e.g. --to MB/s";
    } else if (arg.startsWith("--to=")) to = arg.slice(5);
    else if (arg === "--sig" || arg.startsWith("--sig=")) {
      const value = arg === "--sig" ? argv[++i] : arg.slice(6);
      sig = Number(value);
      if (!Number.isInteger(sig) || sig < 1 || sig > 15) return `--sig needs a whole number from 1 to 15, not ${value}`;
    } else parts.push(arg);
  }
  return { expression: parts.join(" ").trim(), to, sig, help };
}

function main(argv: readonly string[]): number {
  const options = parseArguments(argv);
  if (typeof options === "string") {
    process.stderr.write(`${options}\n\n${USAGE}\n`);
    return 1;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.expression === "") {
    process.stderr.write(`No expression given.\n\n${USAGE}\n`);
    return 1;
  }
  try {
    const quantity = evaluate(options.expression);
    const text =
      options.to === undefined
        ? formatQuantity(quantity, options.sig === undefined ? {} : { sig: options.sig })
        : formatQuantity(quantity, { unit: options.to, sig: options.sig ?? 4 });
    process.stdout.write(`${text}\n`);
    return 0;
  } catch (error) {
    if (error instanceof EngineError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
