import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's dovecot-imapd (installed by .ci/run). */
export const DOVECOT_BINARY = '/usr/sbin/dovecot';

/**
 * Whether tests that need a real IMAP server can run. In CI the server must be there (the test fails
 * without it); on a developer's machine without it they are skipped with this message.
 */
export function dovecotMissing(): string | null {
  if (fs.existsSync(DOVECOT_BINARY) || process.env.CI) return null;
  return `IMAP tests skipped: ${DOVECOT_BINARY} not found (apt-get install --no-install-recommends dovecot-imapd)`;
}

export interface Dovecot {
  host: string;
  port: number;
  /** The server's log, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const listening = async (port: number, child: ChildProcess, log: string) => {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not start: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : 'no log'}`);
};

/**
 * A throwaway Dovecot IMAP server on 127.0.0.1: its own config, users (plain passwords) and maildirs in a
 * temporary directory, removed by `stop`. INBOX and a Sent folder flagged \Sent (special-use) exist for
 * every user. Runs as root (mail owned by nobody) or as an ordinary user (everything as that user, no chroot).
 */
export async function startDovecot(users: { user: string; password: string }[]): Promise<Dovecot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-dovecot-'));
  // Dovecot's own users (auth, mail) must reach the config, the users file and the maildirs.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const me = os.userInfo();
  const [uid, gid] = root ? [65534, 65534] : [me.uid, me.gid];
  for (const sub of ['run', 'state', 'mail']) fs.mkdirSync(path.join(dir, sub));
  if (root) fs.chownSync(path.join(dir, 'mail'), uid, gid);
  fs.writeFileSync(path.join(dir, 'users'), users.map((u) => `${u.user}:{PLAIN}${u.password}\n`).join(''));
  const log = path.join(dir, 'dovecot.log');
  const config = `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${log}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:${dir}/mail/%u/Maildir
first_valid_uid = ${uid}
last_valid_uid = 0
${root ? '' : `default_internal_user = ${me.username}\ndefault_login_user = ${me.username}\ndefault_internal_group = ${spawnSync('id', ['-gn'], { encoding: 'utf8' }).stdout.trim()}\n`}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/mail/%u
}
service imap-login {
  ${root ? '' : 'chroot =\n  '}inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
${root ? '' : 'service anvil {\n  chroot =\n}\n'}service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), config);
  const child = spawn(DOVECOT_BINARY, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  await listening(port, child, log);
  return {
    host: '127.0.0.1',
    port,
    log: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
