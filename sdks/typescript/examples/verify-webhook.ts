import { createServer } from "node:http";
import { verifyWebhook, WebhookVerificationError } from "@repurch/sdk";

// The endpoint's secret; during a rotation, the previous one too until it expires.
const secrets = [process.env.REPURCH_WEBHOOK_SECRET!, process.env.REPURCH_WEBHOOK_PREVIOUS_SECRET].filter((s): s is string => !!s);

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    // Verify the raw bytes before parsing them.
    const event = verifyWebhook({ payload: Buffer.concat(chunks), headers: req.headers, secrets });
    console.log(`verified ${event.type} ${event.id}`);
    res.writeHead(204).end();
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    console.log(`rejected: ${error.message}`);
    res.writeHead(400).end();
  }
});
server.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => console.log(`listening on ${process.env.PORT ?? 3000}`));
