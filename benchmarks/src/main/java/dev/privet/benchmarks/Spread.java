package dev.privet.benchmarks;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** How a value spreads over runs, as the tables quote it: "median (min-max)". */
final class Spread {
    private Spread() {
    }

    /** "median (min-max)" of a value over the items, in the format given; the median alone for one item. */
    static <T> String of(List<T> items, ToDoubleFunction<T> value, String format) {
        double[] v = items.stream().mapToDouble(value).sorted().toArray();
        String median = String.format(format, v[v.length / 2]);
        return v.length == 1 ? median : median + " (" + String.format(format, v[0]) + "-" + String.format(format, v[v.length - 1]) + ")";
    }

    /** The median (the upper middle one of an even count). */
    static <T> double median(List<T> items, ToDoubleFunction<T> value) {
        double[] v = items.stream().mapToDouble(value).sorted().toArray();
        return v[v.length / 2];
    }
}
