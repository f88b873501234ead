/** The server's minimum password length. */
export const PASSWORD_MIN = 8;
