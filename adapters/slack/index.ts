/** The Slack adapter's public surface: start it, or render results the way it does. */
export {
  RecentKeys,
  type SlackHandle,
  type SlackUser,
  type StartSlackOptions,
  startSlack,
} from "./app.js";
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
