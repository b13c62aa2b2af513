package io.keygate.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of a benchmark: positional arguments, then or between them {@code --name=value} options from a
 * known set. Anything else is refused with the usage line.
 */
final class BenchArguments {

    private final List<String> positional;
    private final Map<String, String> options;

    private BenchArguments(List<String> positional, Map<String, String> options) {
        this.positional = positional;
        this.options = options;
    }

    static BenchArguments parse(String[] args, int maxPositional, Set<String> knownOptions, String usage) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String[] option = arg.substring(2).split("=", 2);
            if (option.length != 2) {
                throw new IllegalArgumentException("Option without value: " + arg + "\nUsage: " + usage);
            }
            if (!knownOptions.contains(option[0])) {
                throw new IllegalArgumentException("Unknown option " + arg + "\nUsage: " + usage);
            }
            options.put(option[0], option[1]);
        }
        if (positional.size() > maxPositional) {
            throw new IllegalArgumentException("Too many arguments\nUsage: " + usage);
        }
        return new BenchArguments(List.copyOf(positional), Map.copyOf(options));
    }

    /** The positional argument at {@code index} as a number, or {@code otherwise} when it was not given. */
    int positional(int index, int otherwise) {
        return index < positional.size() ? Integer.parseInt(positional.get(index)) : otherwise;
    }

    /** The value of {@code --name=}, or {@code otherwise}. */
    String option(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }

    int intOption(String name, int otherwise) {
        String value = options.get(name);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    long longOption(String name, long otherwise) {
        String value = options.get(name);
        return value == null ? otherwise : Long.parseLong(value);
    }
}
