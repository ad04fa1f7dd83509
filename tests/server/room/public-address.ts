/** What the room's tests tell the server about where phones reach it (`serve --public-url`). */

/** A documentation address (RFC 5737): what a phone on the Wi-Fi would open. */
export const publicUrl = 'http://192.0.2.2:8080';
