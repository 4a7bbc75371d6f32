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
