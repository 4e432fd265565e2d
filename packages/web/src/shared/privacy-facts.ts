/**
 * Facts the citizen privacy notice states (Loi 09-08 art. 5), taken by the server from its live
 * configuration and embedded in the page for the client. One definition for both sides.
 */
export interface PrivacyFacts {
  retentionDays: number;
  /** Each provider, its country, and the data classes it may receive under the instance's policy. */
  providers: { id: string; location: string; dataClasses: string[] }[];
  /** Who is responsible for the processing, e.g. the ministry running the instance. */
  controller?: string;
  /** How to reach the controller: e-mail, phone or postal address. */
  contact?: string;
}
