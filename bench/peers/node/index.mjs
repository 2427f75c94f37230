// The Node.js peer: the same logic as bench/apps/BenchApp/api/echo.cs, as a plain Lambda handler for an
// API Gateway HTTP API (payload 2.0) event, run by aws-lambda-ric (AWS's Node.js runtime interface client).
export const handler = async (event) => {
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  let input;
  try {
    input = JSON.parse(raw);
  } catch {
    return { statusCode: 400, body: 'Invalid JSON' };
  }
  if (input === null || typeof input !== 'object') {
    return { statusCode: 400, body: 'body required' };
  }
  const greeting = event.queryStringParameters?.greeting ?? 'hello';
  let session = '';
  for (const cookie of event.cookies ?? []) {
    const eq = cookie.indexOf('=');
    if (eq > 0 && cookie.slice(0, eq).trim() === 'session') {
      session = decodeURIComponent(cookie.slice(eq + 1).trim());
      break;
    }
  }
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ message: `${greeting}, ${input.name}`, count: input.count + 1, session }),
  };
};
