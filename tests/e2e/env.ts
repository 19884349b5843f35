/** Where the app under test lives; global setup fills it in unless you set it yourself. */
export const BASE_URL_ENV = 'FC_E2E_BASE_URL'
