import path from "node:path";
import type { NextConfig } from "next";

// The SDK is a symlinked package outside web/ (file:../sdks/typescript): the bundler's root is the repository.
const root = path.resolve(process.cwd(), "..");

const config: NextConfig = {
  poweredByHeader: false,
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default config;
