import type { Options } from 'tsup';

export function libraryConfig(overrides?: Options): Options | Options[] | ((overrideOptions: Options) => Options | Options[]);
