/** The Slack adapter's public surface: start it, or render results the way it does. */
export { type SlackHandle, type SlackUser, type StartSlackOptions, startSlack } from "./app.js";
export { RecentKeys } from "./recent-keys.js";
export {
  escapeSlack,
  fitResponseUrl,
  formatAnswerDate,
  formatIsoDate,
  renderOnThisDay,
  renderResult,
  SHARE_ACTION_ID,
  SLACK_LIMITS,
  type SlackMessage,
  splitText,
} from "./render.js";
