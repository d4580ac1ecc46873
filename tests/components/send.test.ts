import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sendJson } from "@/components/net/send";

// A real HTTP server on loopback answers as Envelope's route handlers do.
let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const send = (status: number, payload: string, type = "application/json") => {
        response.writeHead(status, { "Content-Type": type });
        response.end(payload);
      };
      if (request.url === "/echo") return send(201, JSON.stringify({ method: request.method, got: JSON.parse(body) }));
      if (request.url === "/refused")
        return send(400, JSON.stringify({ error: "Too long.", issues: { answer: "At most 200 characters.", n: 3 } }));
      if (request.url === "/not-json") return send(409, "<html>conflict</html>", "text/html");
      return send(503, JSON.stringify({ error: "down" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the test server has no port");
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("sendJson: one path for every write", () => {
  test("a 2xx answer is ok, with the body as JSON and the request sent as JSON", async () => {
    const result = await sendJson<{ method: string; got: unknown }>("PUT", `${base}/echo`, { a: 1 });
    expect(result).toEqual({ kind: "ok", status: 201, data: { method: "PUT", got: { a: 1 } } });
  });

  test("a 4xx is refused, with the server's message and only the string field messages", async () => {
    expect(await sendJson("POST", `${base}/refused`, {})).toEqual({
      kind: "refused",
      status: 400,
      error: "Too long.",
      issues: { answer: "At most 200 characters." },
    });
  });

  test("a 4xx that is not JSON still says what happened", async () => {
    expect(await sendJson("POST", `${base}/not-json`, {})).toEqual({
      kind: "refused",
      status: 409,
      error: "The server refused the request (HTTP 409).",
      issues: {},
    });
  });

  test("a 5xx is worth sending again", async () => {
    expect(await sendJson("POST", `${base}/down`, {})).toEqual({ kind: "unreachable", status: 503 });
  });

  test("no server at all is unreachable, not an exception", async () => {
    expect(await sendJson("POST", "http://127.0.0.1:9/nothing", {})).toEqual({ kind: "unreachable", status: null });
  });
});
