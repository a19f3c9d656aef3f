import { formatNumber, Texts } from '../layout/i18n';

/** "3", "3 and 5", "2, 3 and 5": the lines of the textarea a problem is on. */
function lineList(lines: number[], and: string): string {
  return lines.length < 2 ? String(lines[0] ?? '') : `${lines.slice(0, -1).join(', ')} ${and} ${lines[lines.length - 1]}`;
}
const nlLines = (lines: number[]) => `${lines.length > 1 ? 'Regels' : 'Regel'} ${lineList(lines, 'en')}`;
const enLines = (lines: number[]) => `${lines.length > 1 ? 'Lines' : 'Line'} ${lineList(lines, 'and')}`;

/** "1 letter", "1.234 brieven": counts of letters in the words around them. */
const nlLetters = (n: number) => `${formatNumber(n, 'nl')} ${n === 1 ? 'brief' : 'brieven'}`;
const enLetters = (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'letter' : 'letters'}`;

type Outcome = 'failed' | 'unknown' | 'bounced';
type BatchState = 'building' | 'ready' | 'posted';

/** Printed letters (issue 20): the campaign page's section, Mark as posted, returned letters. */
export const POSTAL: Texts<{
  heading: string;
  awaiting: (total: number, post: string, email: string) => string;
  nothingAwaiting: string;
  notStarted: (post: string) => string;
  makeBatch: (n: number) => string;
  makeHint: string;
  notStartedError: string;
  nothingLeft: string;
  batchHeading: (id: number) => string;
  status: string;
  states: Record<BatchState, string>;
  progressLabel: string;
  progress: (done: string, files: string) => string;
  letters: string;
  created: string;
  ready: string;
  posted: string;
  filesCaption: (id: number) => string;
  filesHead: [string, string, string, string];
  sha256Full: (hash: string) => string;
  manifest: string;
  downloadHint: string;
  overOneSheet: (letters: number, shown: string) => string;
  markPosted: string;
  noBatches: string;
  postedTitle: (id: number) => string;
  postedIntro: (n: number, campaign: number) => string;
  postedWarning: (n: number) => string;
  postedButton: (n: number) => string;
  cancel: string;
  alreadyPosted: (at: string) => string;
  stillBuilding: string;
  needsPersonCaption: string;
  needsPersonHead: [string, string, string, string];
  outcomes: Record<Outcome, string>;
  waitsForPrint: string;
  inBatch: (batch: number) => string;
  printedIn: (batch: number) => string;
  reference: (ref: string) => string;
  firstShown: (shown: string, total: string) => string;
  nav: string;
  returnedTitle: string;
  returnedIntro: string;
  referencesLabel: string;
  referencesHint: string;
  continue: string;
  recorded: (n: number) => string;
  noReferences: string;
  tooMany: (max: string) => string;
  invalidLines: (lines: number[]) => string;
  unknownLines: (lines: number[]) => string;
  notPrintedLines: (lines: number[]) => string;
  checkTitle: string;
  checkIntro: (n: number) => string;
  checkCaption: string;
  checkHead: [string, string, string, string];
  alreadyReturned: (at: string) => string;
  postedOn: (at: string) => string;
  notPostedYet: (printedAt: string) => string;
  record: (n: number) => string;
  change: string;
}> = {
  nl: {
    heading: 'Gedrukte brieven',
    awaiting: (total, post, email) => `${nlLetters(total)} ${total === 1 ? 'wacht' : 'wachten'} op de drukker: ${post} per post en ${email} omdat de e-mail niet aankwam (mislukt, teruggekomen of onbekend).`,
    nothingAwaiting: 'Er wachten geen brieven op de drukker.',
    notStarted: (post) => `Brieven worden gedrukt als de verzending is gestart. Dan gaan er ${post} per post.`,
    makeBatch: (n) => `Drukbestand maken (${nlLetters(n)})`,
    notStartedError: 'Start eerst de verzending; daarna kunnen de brieven worden gedrukt',
    nothingLeft: 'Er wacht geen brief meer op de drukker: alle brieven zitten al in een drukbestand (misschien maakte een collega het net)',
    makeHint: 'Neemt alle wachtende brieven mee. De PDF’s worden op de achtergrond gemaakt; deze pagina laat zien hoe ver dat is.',
    batchHeading: (id) => `Drukbestand ${id}`,
    status: 'Status',
    states: { building: 'Wordt gemaakt', ready: 'Klaar voor de drukker', posted: 'Op de post' },
    progressLabel: 'Voortgang',
    progress: (done, files) => `${done} van ${files} bestanden klaar`,
    letters: 'Brieven',
    created: 'Gemaakt',
    ready: 'Klaar',
    posted: 'Op de post',
    filesCaption: (id) => `Bestanden van drukbestand ${id}`,
    filesHead: ['Bestand', 'Brieven', 'Pagina’s', 'SHA-256 (begin)'],
    sha256Full: (hash) => `SHA-256 ${hash}`,
    manifest: 'lijst voor de drukker',
    downloadHint: 'De bestanden bevatten namen en adressen. Elke download wordt vastgelegd. Geef ze alleen aan de drukker.',
    overOneSheet: (letters, shown) =>
      `${shown} ${letters === 1 ? 'brief past' : 'brieven passen'} niet op één vel (meer dan 2 bladzijden). Meld het de drukker. Meestal is de beschrijving van het incident te lang: maak die korter voor de volgende brieven.`,
    markPosted: 'Markeren als verstuurd',
    noBatches: 'Nog geen drukbestanden.',
    postedTitle: (id) => `Drukbestand ${id} markeren als verstuurd`,
    postedIntro: (n, campaign) => `Doe dit pas als de drukker heeft bevestigd dat de ${nlLetters(n)} van dit drukbestand (verzending ${campaign}) op de post zijn.`,
    postedWarning: (n) => `Dit kan niet ongedaan worden gemaakt: ${nlLetters(n)} staan daarna als verstuurd, ook op het scherm van de hotline.`,
    postedButton: (n) => `${nlLetters(n)} markeren als verstuurd`,
    cancel: 'Annuleren',
    alreadyPosted: (at) => `Dit drukbestand is op ${at} gemarkeerd als verstuurd.`,
    stillBuilding: 'Dit drukbestand wordt nog gemaakt. Als het klaar is, kunt u het markeren als verstuurd.',
    needsPersonCaption: 'E-mails die niet aankwamen',
    needsPersonHead: ['Brief', 'Wat er gebeurde', 'Wanneer', 'Per post'],
    outcomes: { failed: 'Geweigerd door de mailserver', unknown: 'Uitkomst onbekend', bounced: 'Teruggekomen' },
    waitsForPrint: 'Wacht op het volgende drukbestand',
    inBatch: (batch) => `In drukbestand ${batch}, wordt gemaakt`,
    printedIn: (batch) => `Gedrukt in drukbestand ${batch}`,
    reference: (ref) => `kenmerk ${ref}`,
    firstShown: (shown, total) => `De eerste ${shown} van ${total} staan hier.`,
    nav: 'Retourpost',
    returnedTitle: 'Retourpost vastleggen',
    returnedIntro: 'Voor brieven die de post terugbracht omdat ze niet bezorgd konden worden.',
    referencesLabel: 'Welke brieven kwamen terug?',
    referencesHint: 'Eén brief per regel: het kenmerk naast het adres (bijvoorbeeld 12-000034: het drukbestand en het volgnummer in de lijst voor de drukker), of het briefnummer.',
    continue: 'Doorgaan',
    recorded: (n) => `${nlLetters(n)} vastgelegd als retour ontvangen.`,
    noReferences: 'Vul ten minste één kenmerk of briefnummer in',
    tooMany: (max) => `Vul ten hoogste ${max} brieven tegelijk in`,
    invalidLines: (lines) => `${nlLines(lines)}: geen kenmerk zoals 12-000034 en geen briefnummer`,
    unknownLines: (lines) => `${nlLines(lines)}: geen brief met dit kenmerk of nummer`,
    notPrintedLines: (lines) => `${nlLines(lines)}: nooit gedrukt, dus kan niet per post terugkomen`,
    checkTitle: 'Controleer de retourpost',
    checkIntro: (n) => `${n === 1 ? 'Deze brief wordt' : `Deze ${nlLetters(n)} worden`} vastgelegd als retour ontvangen. De hotline ziet dat daarna bij de beller.`,
    checkCaption: 'Brieven die worden vastgelegd',
    checkHead: ['Ingevuld', 'Brief', 'Verzending', 'Stand'],
    alreadyReturned: (at) => `Al vastgelegd op ${at}; blijft zo`,
    postedOn: (at) => `Op de post sinds ${at}`,
    notPostedYet: (at) => `Gedrukt op ${at}, nog niet gemarkeerd als verstuurd`,
    record: (n) => `${nlLetters(n)} vastleggen als retour`,
    change: 'Wijzigen',
  },
  en: {
    heading: 'Printed letters',
    awaiting: (total, post, email) => `${enLetters(total)} ${total === 1 ? 'waits' : 'wait'} to be printed: ${post} by post and ${email} because the email did not arrive (failed, bounced or unknown).`,
    nothingAwaiting: 'No letters wait to be printed.',
    notStarted: (post) => `Letters are printed once the campaign has started. ${post} go by post then.`,
    makeBatch: (n) => `Make print batch (${enLetters(n)})`,
    notStartedError: 'Start the campaign first; its letters can be printed after that',
    nothingLeft: 'No letter waits to be printed any more: every letter is in a print batch already (perhaps a colleague just made one)',
    makeHint: 'Takes every waiting letter. The PDFs are made in the background; this page shows how far that is.',
    batchHeading: (id) => `Print batch ${id}`,
    status: 'Status',
    states: { building: 'Being made', ready: 'Ready for the print house', posted: 'Posted' },
    progressLabel: 'Progress',
    progress: (done, files) => `${done} of ${files} files done`,
    letters: 'Letters',
    created: 'Made',
    ready: 'Ready',
    posted: 'Posted',
    filesCaption: (id) => `Files of print batch ${id}`,
    filesHead: ['File', 'Letters', 'Pages', 'SHA-256 (start)'],
    sha256Full: (hash) => `SHA-256 ${hash}`,
    manifest: 'list for the print house',
    downloadHint: 'The files hold names and addresses. Every download is recorded. Give them to the print house only.',
    overOneSheet: (letters, shown) =>
      `${shown} ${letters === 1 ? 'letter does' : 'letters do'} not fit on one sheet (more than 2 pages). Tell the print house. Usually the incident's description is too long: shorten it for the next letters.`,
    markPosted: 'Mark as posted',
    noBatches: 'No print batches yet.',
    postedTitle: (id) => `Mark print batch ${id} as posted`,
    postedIntro: (n, campaign) => `Do this only once the print house has confirmed that the ${enLetters(n)} of this batch (campaign ${campaign}) went out by post.`,
    postedWarning: (n) => `This cannot be undone: ${enLetters(n)} will then show as posted, on the hotline screen too.`,
    postedButton: (n) => `Mark ${enLetters(n)} as posted`,
    cancel: 'Cancel',
    alreadyPosted: (at) => `This batch was marked as posted on ${at}.`,
    stillBuilding: 'This batch is still being made. Once it is ready, you can mark it as posted.',
    needsPersonCaption: 'Emails that did not arrive',
    needsPersonHead: ['Letter', 'What happened', 'When', 'By post'],
    outcomes: { failed: 'Refused by the mail server', unknown: 'Outcome unknown', bounced: 'Bounced' },
    waitsForPrint: 'Waits for the next print batch',
    inBatch: (batch) => `In print batch ${batch}, being made`,
    printedIn: (batch) => `Printed in print batch ${batch}`,
    reference: (ref) => `reference ${ref}`,
    firstShown: (shown, total) => `The first ${shown} of ${total} are shown.`,
    nav: 'Returned letters',
    returnedTitle: 'Record returned letters',
    returnedIntro: 'For letters the post brought back because they could not be delivered.',
    referencesLabel: 'Which letters came back?',
    referencesHint: 'One letter per line: the reference next to the address (for example 12-000034: the print batch and the number in the list for the print house), or the letter id.',
    continue: 'Continue',
    recorded: (n) => `${enLetters(n)} recorded as returned.`,
    noReferences: 'Enter at least one reference or letter id',
    tooMany: (max) => `Enter at most ${max} letters at a time`,
    invalidLines: (lines) => `${enLines(lines)}: not a reference like 12-000034 and not a letter id`,
    unknownLines: (lines) => `${enLines(lines)}: no letter has this reference or id`,
    notPrintedLines: (lines) => `${enLines(lines)}: never printed, so it cannot have come back by post`,
    checkTitle: 'Check the returned letters',
    checkIntro: (n) => `${n === 1 ? 'This letter' : `These ${enLetters(n)}`} will be recorded as returned. The hotline then sees it for the caller.`,
    checkCaption: 'Letters to record',
    checkHead: ['Typed', 'Letter', 'Campaign', 'Where it stands'],
    alreadyReturned: (at) => `Already recorded on ${at}; stays as it is`,
    postedOn: (at) => `Posted on ${at}`,
    notPostedYet: (at) => `Printed on ${at}, not marked as posted yet`,
    record: (n) => `Record ${n === 1 ? '1 returned letter' : `${formatNumber(n, 'en')} returned letters`}`,
    change: 'Change',
  },
};
