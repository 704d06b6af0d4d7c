/**
 * A progress bar on stderr for long runs (license jobs, imports), drawn only when both stdout and stderr are
 * terminals: piped or redirected output, and CI logs, stay free of carriage returns.
 */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const visible = Boolean(process.stdout.isTTY && stream.isTTY);
  let drawn = false;
  return {
    update(done, total) {
      if (!visible) return;
      const width = 30;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * width);
      stream.write(
        `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} (${Math.round(share * 100)}%)`,
      );
      drawn = true;
    },
    done() {
      if (visible && drawn) stream.write("\n");
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
