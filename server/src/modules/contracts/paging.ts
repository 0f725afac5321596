/** Moved to lib/paging.ts (the one keyset-paging helper); re-exported so contracts, receipts and fulfilment keep their imports. */
export { afterIdOf, pageOf } from '../../lib/paging';
