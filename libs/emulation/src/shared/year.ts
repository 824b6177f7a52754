/** The years an emulation record may name (list filters). */
export const YEAR = { min: 1945, max: 2100, message: 'Năm phải từ 1945 đến 2100.' };
