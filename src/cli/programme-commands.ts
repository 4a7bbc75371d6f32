import type { Command } from "commander";

export function registerProgrammeCommands(_program: Command): void {}
