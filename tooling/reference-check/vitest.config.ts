import { packageTestConfig } from '@omega-ta/config/vitest';

export default packageTestConfig('@omega-ta/reference-check');
