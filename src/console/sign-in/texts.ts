import type { PasswordProblem } from '../../staff/passwords';
import type { Texts } from '../layout/i18n';

export const SIGN_IN: Texts<{
  title: string;
  email: string;
  password: string;
  signIn: string;
  codeTitle: string;
  code: string;
  codeHint: string;
  continue: string;
  failed: string;
  locked: string;
  expired: string;
  setupDone: string;
  setupTitle: string;
  setupIntro: (name: string) => string;
  passwordHint: string;
  appHeading: string;
  appSteps: string[];
  qrAlt: string;
  setupKey: string;
  setupKeyHint: string;
  setupCodeHint: string;
  setupInvalidTitle: string;
  setupInvalid: string;
  passwordProblems: Record<PasswordProblem, string>;
  codeWrong: string;
  codeMissing: string;
  signedOut: string;
}> = {
  nl: {
    title: 'Aanmelden',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    signIn: 'Aanmelden',
    codeTitle: 'Code invoeren',
    code: 'Code uit uw authenticator-app',
    codeHint: 'De 6 cijfers die de app nu toont.',
    continue: 'Doorgaan',
    failed: 'Het e-mailadres, het wachtwoord of de code klopt niet. Controleer ze en probeer het opnieuw.',
    locked: 'Te veel mislukte pogingen. Aanmelden is tijdelijk geblokkeerd; probeer het over een kwartier opnieuw of vraag een beheerder.',
    expired: 'U was te lang weg of de sessie is verlopen. Meld u opnieuw aan.',
    setupDone: 'Uw account is klaar. Meld u aan met uw e-mailadres, wachtwoord en een code uit de app.',
    setupTitle: 'Uw account instellen',
    setupIntro: (name) => `Welkom, ${name}. Kies een wachtwoord en koppel een authenticator-app. Deze link werkt één keer.`,
    passwordHint: 'Minstens 12 tekens. Een paar losse woorden achter elkaar werkt goed; een wachtwoordmanager mag ook.',
    appHeading: 'Authenticator-app koppelen',
    appSteps: ['Open uw authenticator-app (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP).', 'Scan de QR-code, of voer de instelsleutel hieronder met de hand in.', 'Vul de code in die de app daarna toont.'],
    qrAlt: 'QR-code om dit account aan uw authenticator-app toe te voegen',
    setupKey: 'Instelsleutel',
    setupKeyHint: 'Voor apps zonder camera: tijdgebaseerd, 6 cijfers, 30 seconden.',
    setupCodeHint: 'De 6 cijfers die de app toont nadat u het account hebt toegevoegd.',
    setupInvalidTitle: 'Deze link werkt niet meer',
    setupInvalid: 'De link is al gebruikt, verlopen (na 72 uur) of vervangen door een nieuwe. Vraag een beheerder om een nieuwe link.',
    passwordProblems: {
      missing: 'Kies een wachtwoord',
      'too-short': 'Het wachtwoord moet minstens 12 tekens hebben',
      'too-long': 'Het wachtwoord mag hoogstens 256 tekens hebben',
      common: 'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden; kies een ander',
      repetitive: 'Het wachtwoord herhaalt steeds hetzelfde; kies een ander',
      personal: 'Het wachtwoord lijkt op uw naam of e-mailadres; kies een ander',
    },
    codeWrong: 'De code klopt niet. Vul de code in die de app nu toont',
    codeMissing: 'Vul de code uit uw authenticator-app in',
    signedOut: 'U bent afgemeld.',
  },
  en: {
    title: 'Sign in',
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    codeTitle: 'Enter your code',
    code: 'Code from your authenticator app',
    codeHint: 'The 6 digits the app shows now.',
    continue: 'Continue',
    failed: 'The email address, password or code is not right. Check them and try again.',
    locked: 'Too many failed attempts. Signing in is locked for a while; try again in a quarter of an hour or ask an administrator.',
    expired: 'You were away too long or your session ended. Sign in again.',
    setupDone: 'Your account is ready. Sign in with your email address, password and a code from the app.',
    setupTitle: 'Set up your account',
    setupIntro: (name) => `Welcome, ${name}. Choose a password and link an authenticator app. This link works once.`,
    passwordHint: 'At least 12 characters. A few unrelated words in a row work well; a password manager is fine too.',
    appHeading: 'Link an authenticator app',
    appSteps: ['Open your authenticator app (for example Microsoft Authenticator, Google Authenticator or FreeOTP).', 'Scan the QR code, or type in the set-up key below.', 'Enter the code the app then shows.'],
    qrAlt: 'QR code to add this account to your authenticator app',
    setupKey: 'Set-up key',
    setupKeyHint: 'For apps without a camera: time-based, 6 digits, 30 seconds.',
    setupCodeHint: 'The 6 digits the app shows once you have added the account.',
    setupInvalidTitle: 'This link no longer works',
    setupInvalid: 'The link was used already, has expired (after 72 hours) or was replaced by a newer one. Ask an administrator for a new link.',
    passwordProblems: {
      missing: 'Choose a password',
      'too-short': 'The password must be at least 12 characters long',
      'too-long': 'The password must be at most 256 characters long',
      common: 'This password is widely used and easy to guess; choose another one',
      repetitive: 'The password repeats the same thing; choose another one',
      personal: 'The password looks like your name or email address; choose another one',
    },
    codeWrong: 'The code is not right. Enter the code the app shows now',
    codeMissing: 'Enter the code from your authenticator app',
    signedOut: 'You have signed out.',
  },
};
