import { startServer } from '../server/start'
import { ConfigurationError, resolveSettings } from '../settings'
import { buildAdmin } from './build-admin'

/** `npm start`: build the admin if its sources changed, then serve everything on PORT. */
async function main() {
  const started = Date.now()
  const settings = resolveSettings()
  buildAdmin(settings)
  const running = await startServer(settings)
  console.log(`Phrasebook CMS is ready at ${running.url}/admin (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`)
  const stop = async () => {
    await running.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof ConfigurationError ? `Configuration error: ${error.message}` : error)
  process.exit(1)
})
