/** What the 360dialog credential is called, and where its API lives unless the credential says otherwise. */
export const CREDENTIAL_TYPE = 'dialog360Api';

export const DEFAULT_BASE_URL = 'https://waba-v2.360dialog.io';
