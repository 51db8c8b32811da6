/**
 * Image tables: what marks an image as page furniture rather than a picture
 * of the article (icons, emoji, avatars, logos, spinners), the hosts and
 * paths of ad servers and tracking pixels, and the sizes below which an image
 * is an icon.
 */
import { tokenPattern } from '../../body/patterns.js';

/** Class/id tokens of images that are not pictures of the article. */
export const FURNITURE_IMAGE_CLASS = tokenPattern([
  'icon', 'icons', 'emoji', 'wp-smiley', 'smiley', 'avatar', 'gravatar', 'logo', 'site-logo', 'custom-logo', 'brand', 'sprite',
  'badge', 'spinner', 'loader', 'loading', 'pixel', 'tracking', 'tracker', 'beacon', 'spacer', 'author-photo', 'author-image',
  'author-avatar', 'author-img', 'profile-photo', 'profile-pic', 'profile-image', 'userpic', 'user-avatar', 'flag', 'rating', 'stars',
]);

/** Class/id tokens of the containers around avatars: an image there is the writer's picture, not the story's. */
export const AVATAR_CONTEXT_CLASS = tokenPattern([
  'author', 'authors', 'byline', 'avatar', 'author-box', 'author-bio', 'contributor', 'profile', 'writer', 'columnist-photo',
]);

/** Substrings of image URLs that mark furniture, ads and trackers (lower-case). */
export const FURNITURE_IMAGE_URL: readonly string[] = [
  // icons, avatars, logos
  '/avatar', 'gravatar.com', '/avatars/', '/logo', 'logo.', '-logo', '_logo', '/icons/', '/icon-', '/icon_', 'favicon', 'emoji',
  '/smilies/', '/badges/', 'sprite', '/flags/',
  // ad servers
  'doubleclick.net', 'googlesyndication.com', 'googleadservices.com', 'adservice.google', 'amazon-adsystem.com', 'adnxs.com',
  'taboola.com', 'outbrain.com', 'criteo.', 'pubmatic.com', 'rubiconproject.com', 'moatads.com', 'adform.net', 'smartadserver.com',
  '/ads/', '/adserver', '/banners/',
  // tracking pixels
  'scorecardresearch.com', 'facebook.com/tr', 'google-analytics.com', 'googletagmanager.com', 'quantserve.com', 'bat.bing.com',
  'pixel.wp.com', 'stats.wp.com', 'pixel.', '/pixel', '/beacon', '/tracking/', 'tracker.', 'analytics.', 'counter.', 'chartbeat',
];

/** An image whose width and height attributes are both at most this (px) is an icon. */
export const ICON_MAX_PX = 48;

/** An image at least this wide (px) is large enough to be the lead image when no metadata names one. */
export const LEAD_MIN_WIDTH = 300;

/** A `data:` image shorter than this (chars) is a placeholder, not a picture. */
export const MIN_DATA_URI_CHARS = 1000;
