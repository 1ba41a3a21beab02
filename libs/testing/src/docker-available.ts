import { execFileSync } from 'node:child_process';

let answer: boolean | undefined;

/** True where a Docker engine answers (then testcontainers can be used); false on our machines. */
export function dockerEngineAvailable(): boolean {
  if (process.env.TESTCONTAINERS === 'off') return false;
  if (answer === undefined) {
    try {
      execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
      answer = true;
    } catch {
      answer = false;
    }
  }
  return answer;
}
