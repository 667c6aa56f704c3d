import { withPayload } from '@payloadcms/next/withPayload'

/** Next serves only the Payload admin (and GraphQL); the Express server owns everything else. */
const nextConfig = {
  // The Express server is the entry point; Next's own type check is `npm run typecheck`.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
