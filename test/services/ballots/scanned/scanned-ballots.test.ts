import { expect, it } from 'vitest';
import { imagePdf } from '../../../../scripts/omr/deck.ts';
import { tearCorner } from '../../../../scripts/omr/degrade.ts';
import { readScanFile } from '../../../../src/adapters/scan/read-scan.ts';
import { countBallots, defaultParameters, maxForMarks } from '../../../../src/core/rules/index.ts';
import { paperBallotSource } from '../../../../src/services/ballots/paper/paper-ballot-source.ts';
import { paperReconciliation } from '../../../../src/services/ballots/paper/paper-views.ts';
import { intakeScan } from '../../../../src/services/ballots/scanned/scan-intake.ts';
import {
  decideScanItem,
  resolveScanItem,
  setAsideScanSheet,
  voidScanSheet,
} from '../../../../src/services/ballots/scanned/scan-review.ts';
import {
  reviewQueue,
  scanDisagreements,
  scanOverview,
} from '../../../../src/services/ballots/scanned/scan-views.ts';
import { loadRound } from '../../../../src/services/elections/round-queries.ts';
import { describeEachDatabase, openMigrated } from '../../../support/databases.ts';
import {
  DPI,
  jpeg,
  markAndScan,
  png,
  printedSheets,
  type ScanSetup,
  type SheetMarks,
  scanCongress,
  tiff,
} from './scan-fixtures.ts';

// Scanned paper ballots through the services, on both databases: intake of files of every kind,
// rejection whole, duplicates, review by exception with two tellers and a scrutineer [P2], sheets
// set aside, a ballot declared invalid [B3], and the count — returned [B2], valid [B3] — equal to
// the marks drawn.

function upload(s: ScanSetup, content: Buffer, filename: string) {
  return intakeScan(s.context, s.teller1, s.congressId, s.roundId, { filename, content }, readScanFile);
}

async function ballotBox(s: ScanSetup) {
  return paperBallotSource.ballotBox(s.database.db, await loadRound(s.database.db, s.congressId, s.roundId));
}

describeEachDatabase('scanned ballots', (target) => {
  it('[B1] [B2] [B3] [P2] reads, refuses, reviews by exception and counts what was marked', async () => {
    const s = await scanCongress(await openMigrated(target));
    const printed = await printedSheets(s);
    const page = printed.pages[0]!;
    const { geometry } = printed;
    // Columns in ballot order (stroke order): 丁宁 王刚 李强 张伟 赵敏.
    expect(printed.candidates).toEqual(['丁宁', '王刚', '李强', '张伟', '赵敏']);
    const sheets: SheetMarks[] = [
      { marks: ['for', 'for', 'for', 'empty', 'empty'] },
      { marks: ['for', 'against', 'empty', 'for', 'empty'] },
      // A tick ✓ is never read as a mark: the tellers read it as unreadable.
      { marks: ['for', 'for', 'tick', 'empty', 'empty'] },
      // A name written in, marked for.
      { marks: ['for', 'for', 'empty', 'empty', 'empty'], writeIns: [{ box: 0, mark: 'for' }] },
      // Four "for" marks on three seats: invalid [B3].
      { marks: ['for', 'for', 'for', 'for', 'empty'] },
      { marks: ['empty', 'empty', 'empty', 'empty', 'empty'] },
      // A dot: the tellers differ, a scrutineer resolves.
      { marks: ['for', 'dot', 'empty', 'empty', 'empty'] },
      { marks: ['for', 'for', 'empty', 'empty', 'for'] },
    ];
    const scans = sheets.map((sheet, i) =>
      markAndScan(page, geometry, sheet, { seed: i + 1, upsideDown: i === 7 }),
    );

    // Three sheets in one scanner PDF.
    const pdf = await imagePdf(
      await Promise.all(
        scans.slice(0, 3).map(async (scan) => ({
          image: await jpeg(scan),
          widthPt: (scan.width / DPI) * 72,
          heightPt: (scan.height / DPI) * 72,
        })),
      ),
    );
    const first = await upload(s, pdf, 'batch-1.pdf');
    expect(first.outcome).toBe('created');
    expect(first.intake.file).toMatchObject({
      mediaType: 'application/pdf',
      pages: 3,
      uploadedBy: 'teller1',
      source: 'upload',
    });
    expect(first.intake.sheets.map((sheet) => sheet.status)).toEqual(['read', 'read', 'read']);
    expect(first.intake.sheets.map((sheet) => sheet.items)).toEqual([0, 0, 1]);
    // The same file again is the same upload.
    expect((await upload(s, pdf, 'batch-1-again.pdf')).outcome).toBe('unchanged');

    const fourth = await upload(s, await png(scans[3]!), 'sheet-4.png');
    expect(fourth.intake.sheets[0]).toMatchObject({ status: 'read', items: 1 });
    // The same image as TIFF: the same pixels, refused as a duplicate.
    const again = await upload(s, await tiff(scans[3]!), 'sheet-4.tif');
    expect(again.intake.sheets[0]).toMatchObject({
      status: 'duplicate',
      duplicateOf: fourth.intake.sheets[0]!.id,
    });
    for (const [i, scan] of scans.entries()) {
      if (i < 4) continue;
      const read = await upload(s, await (i === 4 ? tiff(scan) : jpeg(scan)), `sheet-${i + 1}`);
      expect(read.intake.sheets[0]!.status, `sheet ${i + 1}`).toBe('read');
      if (i === 7) expect(read.intake.sheets[0]!.rotation).toBe(180);
    }
    // A torn corner: rejected whole, then scanned again after smoothing the sheet.
    const torn = markAndScan(
      page,
      geometry,
      { marks: ['empty', 'for', 'for', 'empty', 'empty'] },
      { seed: 40 },
    );
    tearCorner(torn, 2, 300);
    const rejected = await upload(s, await jpeg(torn), 'torn.jpg');
    expect(rejected.intake.sheets[0]).toMatchObject({
      status: 'rejected',
      reason: 'fiducial-missing',
      detail: { zh: expect.stringContaining('缺少角部定位标记') },
    });
    const rescan = markAndScan(
      page,
      geometry,
      { marks: ['empty', 'for', 'for', 'empty', 'empty'] },
      { seed: 41 },
    );
    expect((await upload(s, await jpeg(rescan), 'rescan.jpg')).intake.sheets[0]!.status).toBe('read');

    // Review by exception: the tick, the write-in and the dot.
    const queue1 = await reviewQueue(s.context, s.teller1, s.congressId, s.roundId, {});
    expect(queue1.remaining).toBe(3);
    expect(queue1.items.map((item) => [item.kind, item.candidate, item.reason])).toEqual([
      ['mark', '李强', 'tick'],
      ['write-in', null, null],
      ['mark', '王刚', 'dot'],
    ]);
    expect(queue1.items[0]!.crop).toMatch(/^data:image\/png;base64,iVBOR/);
    const [tick, writeIn, dot] = queue1.items as [
      (typeof queue1.items)[0],
      (typeof queue1.items)[0],
      (typeof queue1.items)[0],
    ];
    const decide = (
      teller: ScanSetup['teller1'],
      itemId: string,
      mark: 'for' | 'against' | 'abstain' | 'unreadable',
      name?: string,
    ) =>
      decideScanItem(s.context, teller, s.congressId, s.roundId, itemId, { mark, ...(name ? { name } : {}) });
    expect(await decide(s.teller1, tick.id, 'unreadable')).toMatchObject({
      outcome: 'created',
      settled: false,
    });
    expect((await decide(s.teller1, tick.id, 'unreadable')).outcome).toBe('unchanged');
    await expect(decide(s.teller1, tick.id, 'for')).rejects.toMatchObject({ code: 'already-decided' });
    // A name for a printed candidate is not a write-in; a write-in needs a name to count.
    await expect(decide(s.teller1, writeIn.id, 'for', '王刚')).rejects.toMatchObject({ field: 'name' });
    await expect(decide(s.teller1, writeIn.id, 'for')).rejects.toMatchObject({ field: 'name' });
    await decide(s.teller1, writeIn.id, 'for', '刘洋');
    await decide(s.teller1, dot.id, 'abstain');
    expect((await reviewQueue(s.context, s.teller1, s.congressId, s.roundId, {})).remaining).toBe(0);
    // The second teller sees the same boxes, never the first teller's decisions.
    const queue2 = await reviewQueue(s.context, s.teller2, s.congressId, s.roundId, {});
    expect(queue2.items.map((item) => item.id)).toEqual([tick.id, writeIn.id, dot.id]);
    expect(JSON.stringify(queue2)).not.toContain('unreadable');
    expect(await decide(s.teller2, tick.id, 'unreadable')).toMatchObject({ settled: true });
    expect(await decide(s.teller2, writeIn.id, 'for', '  刘洋 ')).toMatchObject({
      settled: true,
      name: '刘洋',
    });
    expect(await decide(s.teller2, dot.id, 'for')).toMatchObject({ settled: false });

    // Not countable while voting is open, nor while a box is unsettled or a rejected sheet waits.
    await expect(ballotBox(s)).rejects.toMatchObject({ code: 'round-not-closed' });
    await s.world.setRoundStatus(s.roundId, 'closed', { ballotsIssued: 10 });
    await expect(ballotBox(s)).rejects.toMatchObject({
      code: 'scan-review-unsettled',
      en: expect.stringContaining('1 sheet(s) with 1 box(es) awaiting review (1 on which the tellers differ'),
    });
    const disagreements = await scanDisagreements(s.context, s.scrutineer, s.congressId, s.roundId);
    expect(disagreements.items).toHaveLength(1);
    expect(disagreements.items[0]!.decisions.map((d) => [d.by, d.mark]).sort()).toEqual([
      ['teller1', 'abstain'],
      ['teller2', 'for'],
    ]);
    await expect(
      resolveScanItem(s.context, s.scrutineer, s.congressId, s.roundId, tick.id, { mark: 'for' }),
    ).rejects.toMatchObject({ code: 'not-a-disagreement' });
    expect(
      await resolveScanItem(s.context, s.scrutineer, s.congressId, s.roundId, dot.id, { mark: 'abstain' }),
    ).toMatchObject({
      outcome: 'created',
      settled: true,
    });
    await expect(ballotBox(s)).rejects.toMatchObject({
      code: 'scan-review-unsettled',
      en: expect.stringContaining('1 rejected sheet(s)'),
    });
    await setAsideScanSheet(
      s.context,
      s.teller1,
      s.congressId,
      s.roundId,
      rejected.intake.sheets[0]!.id,
      'rescanned',
    );

    // [B3] the scrutineers declare the blank ballot (sheet 6) invalid for an identifying mark.
    const overview = await scanOverview(s.context, s.congressId, s.roundId);
    const blank = overview.sheets.filter((sheet) => sheet.status === 'read')[5]!;
    await voidScanSheet(s.context, s.scrutineer, s.congressId, s.roundId, blank.id, '有识别标记');

    const box = await ballotBox(s);
    expect(box.size).toBe(9);
    const count = countBallots(
      box,
      maxForMarks({ round: 'formal', seats: 3 }),
      defaultParameters('local-congress', 'committee-member'),
    );
    // By hand over the marks drawn (valid ballots only: not sheet 5, over-marked, nor sheet 6, void):
    //   丁宁 for on 1 2 3 4 7 8 = 6; 王刚 for on 1 3 4 8 + rescan = 5, against on 2;
    //   李强 for on 1 + rescan = 2 (sheet 3's tick unreadable); 张伟 for on 2; 赵敏 for on 8; 刘洋 1.
    expect({ valid: count.valid, invalid: count.invalid }).toEqual({ valid: 7, invalid: 2 });
    expect(Array.from(count.forVotes)).toEqual([6, 5, 2, 1, 1]);
    expect(Array.from(count.againstVotes)).toEqual([0, 1, 0, 0, 0]);
    expect(box.writeInNames).toEqual(['刘洋']);
    expect(Array.from(count.writeInVotes)).toEqual([1]);

    const reconciliation = await paperReconciliation(s.context, s.congressId, s.roundId);
    expect(reconciliation.reconciliation).toMatchObject({ rule: 'B2', issued: 10, returned: 9, valid: true });
    const stats = (await scanOverview(s.context, s.congressId, s.roundId)).statistics;
    expect(stats.files).toBe(9);
    // 11 sheets: 3 in the PDF, sheet 4 twice (PNG, then TIFF: a duplicate), sheets 5-8, torn, rescan.
    expect(stats.sheets).toEqual({
      scanned: 11,
      read: 9,
      rejected: 1,
      duplicates: 1,
      setAside: 1,
      awaitingDisposition: 0,
      awaitingReview: 0,
      counted: 9,
    });
    expect(stats.boxes).toMatchObject({
      reviewed: 3,
      pending: 0,
      agreed: 2,
      disagreed: 1,
      resolved: 1,
      writeIns: 1,
      corrections: 0,
    });
    expect(stats.boxes.read).toBe(9 * (5 + 3));
    const audit = await s.database.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
    expect(audit.filter((a) => a.action === 'scan.intake')).toHaveLength(9);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['scan.decide', 'scan.resolve', 'scan.set-aside', 'scan.void']),
    );
  });

  it('refuses a sheet whose serial was read before, where serials are on', async () => {
    const s = await scanCongress(await openMigrated(target));
    const printed = await printedSheets(s, { sheets: 2, serials: true });
    const marks: SheetMarks = { marks: ['for', 'empty', 'empty', 'empty', 'against'] };
    const one = markAndScan(printed.pages[0]!, printed.geometry, marks, { seed: 5 });
    const oneAgain = markAndScan(printed.pages[0]!, printed.geometry, marks, { seed: 6 });
    const two = markAndScan(printed.pages[1]!, printed.geometry, marks, { seed: 7 });
    const first = await upload(s, await jpeg(one), 'a.jpg');
    expect(first.intake.sheets[0]).toMatchObject({ status: 'read', serial: 1 });
    const rescanned = await upload(s, await jpeg(oneAgain), 'b.jpg');
    expect(rescanned.intake.sheets[0]).toMatchObject({
      status: 'duplicate',
      serial: 1,
      duplicateOf: first.intake.sheets[0]!.id,
    });
    expect((await upload(s, await jpeg(two), 'c.jpg')).intake.sheets[0]).toMatchObject({
      status: 'read',
      serial: 2,
    });
  });

  it("refuses another round's ballot and a file that is not a scan", async () => {
    const s = await scanCongress(await openMigrated(target));
    const other = await scanCongress(await openMigrated(target), 'x');
    const printed = await printedSheets(other);
    const sheet = markAndScan(printed.pages[0]!, printed.geometry, {
      marks: ['for', 'for', 'empty', 'empty', 'empty'],
    });
    const read = await upload(s, await jpeg(sheet), 'other.jpg');
    expect(read.intake.sheets[0]).toMatchObject({ status: 'rejected', reason: 'qr-foreign' });
    await expect(upload(s, Buffer.from('not an image at all'), 'x.txt')).rejects.toMatchObject({
      field: 'file',
    });
    // A teller only: the scrutineer may not upload.
    await expect(
      intakeScan(
        s.context,
        s.scrutineer,
        s.congressId,
        s.roundId,
        { content: await jpeg(sheet) },
        readScanFile,
      ),
    ).rejects.toMatchObject({ status: 403 });
  });
});
