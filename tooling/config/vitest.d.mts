import type { UserWorkspaceConfig } from 'vitest/config';

export function packageTestConfig(name: string, overrides?: NonNullable<UserWorkspaceConfig['test']>): UserWorkspaceConfig;
