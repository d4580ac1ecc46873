import { afterAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/sign-up/route";
import { env } from "@/lib/env";
import { disconnectDb } from "@/lib/progress";
import { uniqueEmail } from "../helpers/users";
import { disconnectTestDb, testDb } from "../helpers/db";

afterAll(async () => {
  await disconnectDb();
  await disconnectTestDb();
});

const limit = env().ENVELOPE_SIGN_UPS_PER_HOUR;
let nextAddress = 1;
/** An address no other test uses (a documentation range). */
const freshAddress = () => `2001:db8:5::${(nextAddress++).toString(16)}`;

function signUp(email: string, address: string): Promise<Response> {
  return POST(
    new Request("http://localhost/api/sign-up", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": address },
      body: JSON.stringify({ email, password: "long enough" }),
    }),
  );
}

describe("sign-up throttling per client address", () => {
  test(`${limit} sign-ups an hour from one address; the next is 429 with a message, creates nothing and hashes nothing`, async () => {
    const address = freshAddress();
    for (let i = 0; i < limit; i++) expect((await signUp(uniqueEmail("quota"), address)).status).toBe(201);

    const refusedEmail = uniqueEmail("refused");
    const started = performance.now();
    const refused = await signUp(refusedEmail, address);
    const ms = performance.now() - started;
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      error: "Too many sign-ups from your network. Try again in 60 minutes.",
    });
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(3500);
    expect(Number(refused.headers.get("Retry-After"))).toBeLessThanOrEqual(3600);
    expect(await testDb().user.count({ where: { email: refusedEmail } })).toBe(0);
    // Refused before argon2 and before the 500 ms floor of a real sign-up.
    expect(ms).toBeLessThan(400);

    // Another address is not affected.
    expect((await signUp(uniqueEmail("other"), freshAddress())).status).toBe(201);
  });

  test(`${limit * 3} sign-ups at once from one address: exactly ${limit} are accepted`, async () => {
    const address = freshAddress();
    const emails = Array.from({ length: limit * 3 }, () => uniqueEmail("burst"));
    const statuses = await Promise.all(emails.map(async (email) => (await signUp(email, address)).status));
    expect(statuses.filter((status) => status === 201)).toHaveLength(limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(limit * 2);
    expect(await testDb().user.count({ where: { email: { in: emails } } })).toBe(limit);
    expect(await testDb().signUpAttempt.count({ where: { address } })).toBe(limit);
  });

  test("made-up addresses share one bucket, so changing the text does not reset the limit", async () => {
    const statuses = [];
    for (let i = 0; i <= limit; i++)
      statuses.push((await signUp(uniqueEmail("made-up"), `not an address ${i}`)).status);
    expect(statuses).toContain(429);
    expect(await testDb().signUpAttempt.count({ where: { address: { startsWith: "not an address" } } })).toBe(0);
  });
});
