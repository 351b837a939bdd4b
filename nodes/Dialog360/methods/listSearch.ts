export const listSearch = {};
