import { describe, expect, it } from 'vitest';
import { findAnomalies } from './findAnomalies';
import { fixture, TraceBuilder } from './traceFixture';

const QUESTION = 'How far into the future can you see, Mrs. Cake?';
const ANSWER = 'About ten seconds usually, Mr. Poons.';

/** Poons asks on shard 1, Cake reads the question and answers on shard 2; f1 follows both shards. */
function conversation(cakeReadsFirst: boolean) {
  const b = new TraceBuilder(['s1', 's2', 'f1'], ['poons', 'cake', 'observer']);
  const a = b.writeVia(0, 'poons', 's1', 'question', QUESTION);
  if (cakeReadsFirst) b.readVia(3, 'cake', 's1', 'question');
  const answer = b.writeVia(6, 'cake', 's2', 'answer', ANSWER);
  b.ship(9, 's2', 'f1', 'answer');
  return { b, a, answer };
}

const prefix = (b: TraceBuilder) =>
  findAnomalies(b.trace, fixture(b.nodes, b.clients)).filter((x) => x.kind === 'consistent-prefix');

describe('consistent-prefix', () => {
  it('reports an observer who sees the answer and then misses the question it answers', () => {
    const { b, a, answer } = conversation(true);
    const sawAnswer = b.readVia(12, 'observer', 'f1', 'answer');
    const missed = b.readVia(15, 'observer', 'f1', 'question');
    b.ship(30, 's1', 'f1', 'question');
    const found = prefix(b);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ event: missed.response, key: 'question' });
    expect(found[0]!.related).toEqual(
      [a.request, a.response, answer.request, sawAnswer.response, missed.request, missed.response].sort(
        (x, y) => x - y,
      ),
    );
    expect(found[0]!.explain).toBe(
      `observer read question = (not found) from f1 at 17ms, but observer had already seen cake's write ` +
        `answer = ${ANSWER} (op cake#2) (read at 14ms), which was made after poons's write question = ` +
        `${QUESTION} (op poons#1): observer saw the effect before its cause.`,
    );
  });

  it('does not report reading the question first and the answer afterwards', () => {
    const { b } = conversation(true);
    b.readVia(12, 'observer', 'f1', 'question');
    b.readVia(15, 'observer', 'f1', 'answer');
    expect(prefix(b)).toEqual([]);
  });

  it('does not report when the answer was written without having seen the question', () => {
    const { b } = conversation(false);
    b.readVia(12, 'observer', 'f1', 'answer');
    b.readVia(15, 'observer', 'f1', 'question');
    expect(prefix(b)).toEqual([]);
  });

  it('does not report when the later read sees the question', () => {
    const { b } = conversation(true);
    b.ship(10, 's1', 'f1', 'question');
    b.readVia(12, 'observer', 'f1', 'answer');
    b.readVia(15, 'observer', 'f1', 'question');
    expect(prefix(b)).toEqual([]);
  });
});
