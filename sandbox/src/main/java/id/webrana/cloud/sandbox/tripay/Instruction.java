package id.webrana.cloud.sandbox.tripay;

import java.util.List;

/**
 * One block of payment instructions ({@code instructions[]} of a transaction): a title and steps that may contain
 * simple HTML such as {@code <b>}, as Tripay's do.
 *
 * @param title e.g. {@code Internet Banking}
 * @param steps the steps, in order
 */
public record Instruction(String title, List<String> steps) {

    /** Copies the steps. */
    public Instruction {
        steps = List.copyOf(steps);
    }
}
