import { useEffect, useRef, useState } from 'react';
import { type BallotForm, ballotFormEndpoint, castBallotEndpoint } from '../../../../../contract/ballots.ts';
import { type ApiError, asApiError, call } from '../../lib/api.ts';
import { blankBallot, type Choice, castBody, replaced } from './vote-ballot.ts';

export type BallotStep = 'fill' | 'confirm' | 'done';

/**
 * One round's ballot on the phone: the form the server gives, the choices and write-ins, the step
 * (fill, confirm, done) and the receipt once cast. `onCast` hears the receipt.
 */
export function useBallot(congressId: string, roundId: string, onCast: (receipt: string) => void) {
  const [form, setForm] = useState<BallotForm>();
  const [error, setError] = useState<ApiError>();
  const [choices, setChoices] = useState<Choice[]>([]);
  const [writeIns, setWriteIns] = useState<string[]>([]);
  const [step, setStep] = useState<BallotStep>('fill');
  const [receipt, setReceipt] = useState<string>();
  const [busy, setBusy] = useState(false);
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    call(ballotFormEndpoint, { params: { congressId, roundId } })
      .then((f) => {
        const blank = blankBallot(f.candidates.length, f.writeInSlots);
        setForm(f);
        setChoices(blank.choices);
        setWriteIns(blank.writeIns);
      })
      .catch((caught) => setError(asApiError(caught)));
  }, [congressId, roundId]);

  // Each step starts at the top of the ballot: on a phone the buttons were at the bottom.
  const go = (next: BallotStep) => {
    setStep(next);
    top.current?.scrollIntoView({ block: 'start' });
  };

  const cast = async () => {
    if (!form) return;
    setBusy(true);
    try {
      const answer = await call(castBallotEndpoint, {
        params: { congressId, roundId },
        body: castBody(choices, writeIns, form.maxFor),
      });
      setReceipt(answer.receipt);
      onCast(answer.receipt);
      go('done');
      setError(undefined);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return {
    form,
    error,
    choices,
    writeIns,
    step,
    receipt,
    busy,
    top,
    go,
    cast,
    choose: (index: number, choice: Choice) => setChoices((prev) => replaced(prev, index, choice)),
    writeIn: (index: number, text: string) => setWriteIns((prev) => replaced(prev, index, text)),
  };
}
