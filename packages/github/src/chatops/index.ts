export { type CommentEvent, readCommentEvent } from './comment-event.js';
export { GitHubPermissionSource, mayPromote, type PermissionLevel, type PermissionSource } from './permission.js';
