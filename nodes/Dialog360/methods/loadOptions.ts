export const loadOptions = {};
