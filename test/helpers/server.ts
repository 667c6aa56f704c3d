import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

export type ServerProcess = {
  url: string
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

const START_SCRIPT = path.resolve('src/cli/start.ts')

/**
 * Runs `npm start`'s entry point as a real child process (its own port, its own database) and
 * resolves once it prints that it is ready.
 */
export async function spawnServer(env: Record<string, string>, timeoutMs = 170_000): Promise<ServerProcess> {
  const started = await spawnUntil(env, /ready at (http:\/\/\S+?)\/admin/, timeoutMs)
  return { ...started, url: started.match[1]! }
}

/**
 * The same child process, resolved as soon as its output matches `pattern` (e.g. half-way
 * through loading the library), for tests that kill it there.
 */
export function spawnUntil(
  env: Record<string, string>,
  pattern: RegExp,
  timeoutMs = 170_000,
): Promise<Omit<ServerProcess, 'url'> & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', START_SCRIPT], {
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`Server output did not match ${pattern} in ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    let matched = false
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = matched ? null : pattern.exec(output)
      if (match) {
        matched = true
        clearTimeout(timer)
        resolve({ child, match, output: () => output, stop })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (!matched) reject(Object.assign(new Error(`Server exited with code ${code}:\n${output}`), { code, output }))
    })
  })
}

/** Kills a child server with SIGKILL (no shutdown of any kind) and waits until it is gone. */
export function killHard(server: Pick<ServerProcess, 'child'>): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve()
    server.child.once('exit', () => resolve())
    server.child.kill('SIGKILL')
  })
}

/** Waits for a child process to end by itself, returning its exit code and output. */
export function runToExit(env: Record<string, string>, timeoutMs = 120_000): Promise<{ code: number | null; output: string }> {
  return spawnServer(env, timeoutMs).then(
    async (server) => {
      await server.stop()
      throw new Error(`Expected the server to refuse to start, but it started:\n${server.output()}`)
    },
    (error: Error & { code?: number | null; output?: string }) => {
      if (error.output === undefined) throw error
      return { code: error.code ?? null, output: error.output }
    },
  )
}
