import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;

export const signUpSchema = z.object({
  name: z
    .string()
    .trim()
    .max(80, { message: "Keep your name under 80 characters." })
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
  email: z
    .string({ message: "Enter your email address." })
    .trim()
    .min(1, { message: "Enter your email address." })
    .max(254, { message: "That email address is too long." })
    .pipe(z.email({ message: "That does not look like an email address (name@example.com)." })),
  password: z
    .string({ message: "Choose a password." })
    .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.` })
    .max(200, { message: "Use at most 200 characters for your password." }),
});

export type SignUp = z.infer<typeof signUpSchema>;

/** No NUL (PostgreSQL refuses it in text) and no unpaired surrogate: a sign-in with such an email is simply wrong. */
const cleanText = (value: string) => !value.includes("\u0000") && value.isWellFormed();

export const signInSchema = z.object({
  email: z.string().trim().min(1).max(254).refine(cleanText),
  password: z.string().min(1).max(200), // never stored or queried: argon2 takes any text
});
