import { libraryConfig } from '@omega-ta/config/tsup';

export default libraryConfig();
