"use client";

import { useState } from "react";
import type { FitChoice, FitReport, FitResponseBody, FitStatus } from "@/lib/progress/client";

export type FitPanelProps = {
  initial: FitStatus;
};

type CallResult = { ok: true; status: FitStatus } | { ok: false; message: string };

/**
 * Send a fit or a choice to /api/settings/fit. Not through the outbox: a fit is not worth replaying later, and its
 * 503 carries a message the learner should read (why the fit failed), which the outbox's sender drops.
 */
async function callFit(method: "POST" | "PUT", body?: FitChoice): Promise<CallResult> {
  let response: Response;
  try {
    response = await fetch("/api/settings/fit", {
      method,
      headers: { "Content-Type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again." };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok && typeof json === "object" && json !== null && "status" in json) {
    // The route handler `satisfies` FitResponseBody: the server is the other half of this contract.
    return { ok: true, status: (json as FitResponseBody).status };
  }
  const error = typeof json === "object" && json !== null && "error" in json ? json.error : null;
  return {
    ok: false,
    message: typeof error === "string" ? error : `The server refused the request (HTTP ${response.status}).`,
  };
}

const formatScore = (value: number) => value.toFixed(3);

/** A plain-words reading of the report: which set predicted the held-back reviews better, and what that means. */
function verdict(report: FitReport): string {
  const { fitted, defaults } = report;
  if (!fitted || !defaults)
    return "None of the held-back reviews could be scored, so the fitted parameters could not be compared with the defaults.";
  const better = fitted.logLoss < defaults.logLoss;
  const lead = `On ${report.heldBackReviews} reviews of ${report.heldBackCards} cards the fit did not see, your fitted parameters predicted whether you would remember`;
  return better
    ? `${lead} better than the defaults (log loss ${formatScore(fitted.logLoss)} against ${formatScore(defaults.logLoss)}; lower is better), so they are worth using.`
    : `${lead} no better than the defaults (log loss ${formatScore(fitted.logLoss)} against ${formatScore(defaults.logLoss)}; lower is better), so the defaults are the safer choice for now.`;
}

/**
 * FSRS fitted to the learner's own reviews: how many reviews so far (400 needed), a button to run the fit, the last
 * fit's report (log loss and RMSE of the fitted and default parameters on held-back reviews), and the choice between
 * the fitted parameters and the defaults. The server fits, scores and stores; this island only asks and shows.
 */
export function FitPanel({ initial }: FitPanelProps) {
  const [status, setStatus] = useState(initial);
  const [busy, setBusy] = useState<"fit" | "choice" | null>(null);
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState<boolean | null>(null);

  async function runFit() {
    setBusy("fit");
    setMessage("Fitting your parameters to your reviews…");
    const result = await callFit("POST");
    setBusy(null);
    if (!result.ok) return setMessage(result.message);
    setStatus(result.status);
    setMessage(
      result.status.useFitted
        ? "Fitted. Your fitted parameters now schedule your reviews."
        : "Fitted. The defaults still schedule your reviews; you can switch below.",
    );
  }

  async function choose(useFitted: boolean) {
    // The radio moves at once; a refusal moves it back and says why.
    setPending(useFitted);
    setBusy("choice");
    const result = await callFit("PUT", { useFitted });
    setBusy(null);
    setPending(null);
    if (!result.ok) return setMessage(result.message);
    setStatus(result.status);
    setMessage(
      useFitted ? "Your fitted parameters now schedule your reviews." : "The defaults now schedule your reviews.",
    );
  }

  const enough = status.reviews >= status.needed;
  const { report } = status;
  return (
    <section aria-labelledby="fit-heading" className="card space-y-4" aria-busy={busy !== null}>
      <div className="space-y-1">
        <h3 id="fit-heading" className="font-medium">
          Parameters fitted to your reviews
        </h3>
        <p className="text-sm text-muted">
          The scheduler predicts when you would forget each card from parameters fitted on many learners&apos; reviews.
          With {status.needed} reviews of your own, it can fit them to how you remember instead, and check the fit on
          reviews it held back.
        </p>
      </div>

      {enough ? (
        <p className="text-sm">
          You have {status.reviews} flashcard reviews, enough for a fit.
          {report ? ` Last fitted ${report.fittedAt.slice(0, 10)} on ${report.reviews} reviews.` : ""}
        </p>
      ) : (
        <div className="space-y-1">
          <label htmlFor="fit-progress" className="block text-sm">
            {status.reviews} of the {status.needed} flashcard reviews a fit needs
          </label>
          <progress id="fit-progress" className="w-full max-w-xs" max={status.needed} value={status.reviews} />
        </div>
      )}

      {enough ? (
        <button type="button" className="btn-primary" onClick={runFit} disabled={busy !== null}>
          {busy === "fit" ? "Fitting…" : report ? "Fit again to my reviews" : "Fit to my reviews"}
        </button>
      ) : null}

      {report && report.fitted && report.defaults ? (
        <div className="space-y-2">
          <p className="text-sm">{verdict(report)}</p>
          <div className="overflow-x-auto">
            <table className="w-full max-w-md text-sm tabular-nums">
              <caption className="pb-1 text-left text-sm text-muted">
                How well each set predicted your {report.heldBackReviews} held-back reviews (lower is better)
              </caption>
              <thead>
                <tr className="border-b border-border text-left">
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Parameters
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    Log loss
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    RMSE
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr className="border-b border-border">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    Fitted to you
                  </th>
                  <td className="py-1 pr-3 text-right">{formatScore(report.fitted.logLoss)}</td>
                  <td className="py-1 text-right">{formatScore(report.fitted.rmse)}</td>
                </tr>
                <tr>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    Defaults
                  </th>
                  <td className="py-1 pr-3 text-right">{formatScore(report.defaults.logLoss)}</td>
                  <td className="py-1 text-right">{formatScore(report.defaults.rmse)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </div>
      ) : report ? (
        <p className="text-sm">{verdict(report)}</p>
      ) : null}

      {status.hasFitted ? (
        <fieldset className="space-y-2" disabled={busy !== null}>
          <legend className="text-sm font-medium">Schedule my reviews with</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="fit-choice" checked={pending ?? status.useFitted} onChange={() => choose(true)} />
            Use my fitted parameters
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="fit-choice"
              checked={!(pending ?? status.useFitted)}
              onChange={() => choose(false)}
            />
            Use the defaults
          </label>
        </fieldset>
      ) : null}

      <p role="status" aria-live="polite" className="text-sm">
        {message}
      </p>
    </section>
  );
}
