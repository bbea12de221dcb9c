/** A Discord id (user, channel, guild, application, interaction): up to 20 decimal digits. */
export const SNOWFLAKE = /^\d{1,20}$/;
