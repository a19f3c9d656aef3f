import type { Queue } from 'bull';

/**
 * Whether Bull will still run a job, asked of Redis itself. Bull only carries work here (the
 * database says what still has to happen), so after Redis lost keys each reconciler re-adds the
 * jobs of the work still open. Whether a job exists is not enough to tell: a partial loss (a list
 * evicted under memory pressure, keys deleted one by one) leaves orphans, job hashes that no list
 * of Bull's names, which Bull never runs and whose id makes adding the job again a silent no-op.
 */

/** Job ids read per command by listedJobIds. */
const PAGE = 10_000;

/**
 * Per job id: 1 when its job is waiting, active, paused or delayed; 0 when it has no job hash;
 * 0 too for an orphan, whose keys the script deletes so that the job can be added again. Atomic,
 * so a job that Bull moves between lists meanwhile is never taken for an orphan. Each id comes
 * with a flag: 1 when the caller saw it listed a moment ago (an id leaves the lists only when its
 * job finishes, and its hash goes with it, so a hash that still exists is held). The lists are read
 * into a table only for a hash that exists unseen and outside the delayed set, which outside a
 * loss is rare.
 * KEYS: wait, active, paused, delayed. ARGV: the queue's key prefix, then id, flag, id, flag, ...
 */
const LISTED = `
local listed = nil
local out = {}
for i = 2, #ARGV, 2 do
  local id = ARGV[i]
  local key = ARGV[1] .. id
  if redis.call('EXISTS', key) == 0 then
    out[#out + 1] = 0
  elseif ARGV[i + 1] == '1' or redis.call('ZSCORE', KEYS[4], id) then
    out[#out + 1] = 1
  else
    if not listed then
      listed = {}
      for k = 1, 3 do
        for _, v in ipairs(redis.call('LRANGE', KEYS[k], 0, -1)) do listed[v] = true end
      end
    end
    if listed[id] then
      out[#out + 1] = 1
    else
      redis.call('DEL', key, key .. ':lock', key .. ':logs')
      out[#out + 1] = 0
    end
  end
end
return out
`;

/** Job ids asked about per script call: the script holds Redis while it runs. */
const PER_CALL = 1000;

/**
 * For each job id, whether Bull still holds its job (see LISTED); orphans are removed on the way,
 * so every `false` can simply be added again. `seen` (from listedJobIds) spares the script the
 * list scan for the ids seen waiting.
 */
export async function jobsListed(queue: Queue, jobIds: string[], seen: ReadonlySet<string> = new Set()): Promise<boolean[]> {
  const keys = [queue.toKey('wait'), queue.toKey('active'), queue.toKey('paused'), queue.toKey('delayed')];
  const listed: boolean[] = [];
  for (let i = 0; i < jobIds.length; i += PER_CALL) {
    const args = jobIds.slice(i, i + PER_CALL).flatMap((id) => [id, seen.has(id) ? '1' : '0']);
    const codes = (await queue.client.eval(LISTED, keys.length, ...keys, queue.toKey(''), ...args)) as number[];
    for (const c of codes) listed.push(c === 1);
  }
  return listed;
}

/**
 * The ids in Bull's waiting, active, paused and delayed sets, read in pages while Bull goes on
 * (a job that moves meanwhile can be missed; jobsListed checks those exactly).
 */
export async function listedJobIds(queue: Queue): Promise<Set<string>> {
  const ids = new Set<string>();
  const { client } = queue;
  const read = (key: string, start: number) => (key === 'delayed' ? client.zrange(queue.toKey(key), start, start + PAGE - 1) : client.lrange(queue.toKey(key), start, start + PAGE - 1));
  for (const key of ['wait', 'active', 'paused', 'delayed']) {
    for (let start = 0; ; start += PAGE) {
      const page = await read(key, start);
      for (const id of page) ids.add(id);
      if (page.length < PAGE) break;
    }
  }
  return ids;
}
