import { request, type ClientRequest } from 'node:http';

export interface Answer { status: number; retryAfter?: string; body: any; /** performance.now() when the answer ended. */ at: number }

/**
 * A GraphQL POST from one loopback address (each 127.x address is a different client). With
 * `hold`, the body is sent only in part: the request keeps its slot until release() sends the rest.
 */
export function send(url: string, from: string, query: string, hold = false): { answer: Promise<Answer>; release: () => void } {
  const body = JSON.stringify({ query });
  const u = new URL(url);
  let req!: ClientRequest;
  const answer = new Promise<Answer>((resolve, reject) => {
    req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress: from, agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => { text += c; }).on('end', () => {
        resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text), at: performance.now() });
      });
    });
    req.on('error', reject);
  });
  req.write(hold ? body.slice(0, 5) : body);
  if (!hold) req.end();
  return { answer, release: () => req.end(body.slice(5)) };
}
