export { listSearch } from './listSearch';
export { resourceMapping } from './resourceMapping';
