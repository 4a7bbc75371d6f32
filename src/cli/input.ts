import { readFileSync } from "node:fs";
import { AppError } from "../errors.ts";
import { type Parsed, parseJsonText } from "../validation.ts";

/** Reads JSON from a file, or from standard input when the name is `-`. */
export function readJsonInput(file: string): Parsed<unknown> {
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const why = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个目录" : String(e);
    return {
      ok: false,
      error: new AppError("invalid_field", `无法读取输入文件 ${file}：${why}`, "file"),
    };
  }
  return parseJsonText(text);
}

/** A commander option parser for a whole number from 1 to a million, naming the option when not. */
export function positiveInteger(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > 1_000_000)
      throw new AppError(
        "invalid_field",
        `${option} 应为 1 至 1000000 的整数，收到“${value}”`,
        option.slice(2),
      );
    return n;
  };
}
