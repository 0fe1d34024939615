import { z } from "zod"
import { Role } from "./decision"

export const Me = z.object({ name: z.string(), role: Role })
export type Me = z.infer<typeof Me>
