/**
 * Passwords (and stems) that appear at the top of published breach lists, in Dutch and English,
 * that are 12 characters or longer or become so with a few digits added. A password is refused
 * when, lower-cased and with digits and symbols at its ends removed, it is one of these (see
 * passwords.ts). The list is short on purpose: it catches what attackers try first, and a longer
 * list would mostly repeat the length rule.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  'password', 'passw0rd', 'wachtwoord', 'wachtwoord123', 'welkom', 'welkom123', 'welkomwelkom', 'welcome', 'welcometo',
  'qwerty', 'qwertyuiop', 'qwertyuiopasdfgh', 'asdfghjkl', 'azertyuiop', 'zxcvbnm', '1qaz2wsx3edc', 'qazwsxedc', 'qazwsxedcrfv',
  'letmein', 'letmeinplease', 'iloveyou', 'iloveyouforever', 'ikhouvanjou', 'trustno1', 'sunshine', 'princess', 'football',
  'voetbal', 'ajaxamsterdam', 'feyenoord', 'amsterdam', 'rotterdam', 'nederland', 'hollandia', 'zomervakantie', 'zonneschijn',
  'baseball', 'superman', 'batman', 'starwars', 'pokemon', 'dragon', 'monkey', 'shadow', 'master', 'michael', 'jennifer',
  'administrator', 'admin', 'adminadmin', 'rootroot', 'changeme', 'changemenow', 'default', 'secret', 'topsecret', 'geheim',
  'supergeheim', 'password1', 'passwordpassword', 'wachtwoordwachtwoord', 'abcdefghijkl', 'abcdefghijklmnop', 'abc123abc123',
  'onetwothreefour', 'correcthorsebatterystaple', 'whatever', 'whateverforever', 'computer', 'internet', 'samsung', 'google',
  'facebook', 'microsoft', 'linkedin', 'dropbox', 'summer', 'winter', 'spring', 'autumn', 'lente', 'zomer', 'herfst',
  'januari', 'februari', 'december', 'january', 'february', 'monday', 'maandag', 'zaterdag', 'zondag', 'fraudwarning',
  'datalek', 'polderstroom', 'helpdesk', 'servicedesk', 'klantenservice', 'energie', 'fietsenmaker', 'hallohallo', 'hellohello',
  'hellothere', 'helloworld', 'goodmorning', 'goedemorgen', 'loveyou', 'mypassword', 'mijnwachtwoord', 'newpassword',
  'nieuwwachtwoord', 'temppassword', 'tijdelijk', 'test', 'testtest', 'testing', 'testtesttest', 'qwerty123456', 'q1w2e3r4t5y6',
  'a1b2c3d4e5f6', 'aaaaaaaaaaaa', 'zaq12wsxcde3', 'blink182', 'liverpool', 'chelsea', 'arsenal', 'manchester', 'barcelona',
];
