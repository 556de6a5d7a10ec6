package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.domain.billing.PaymentAttempt.Instruction;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Payment instructions in {@code payment_attempts.instructions}: a JSON array of
 * {@code {"title": "...", "steps": ["...", ...]}} written and read with Jakarta JSON Processing
 * (Liberty's {@code jsonp-2.1} feature provides the implementation; the tests use Parsson).
 */
final class InstructionsJson {

    private InstructionsJson() {
    }

    /** Looked up on first use, so that code never touching instructions does not need a JSON-P provider. */
    private static final class Provider {
        static final JsonProvider JSON = JsonProvider.provider();
    }

    static String write(List<Instruction> instructions) {
        if (instructions == null || instructions.isEmpty()) {
            return "[]";
        }
        JsonProvider json = Provider.JSON;
        JsonArrayBuilder array = json.createArrayBuilder();
        for (Instruction i : instructions) {
            JsonArrayBuilder steps = json.createArrayBuilder();
            i.steps().forEach(steps::add); // never null: Instruction copies its steps with List.copyOf
            var object = json.createObjectBuilder();
            if (i.title() == null) {
                object.addNull("title");
            } else {
                object.add("title", i.title());
            }
            array.add(object.add("steps", steps));
        }
        return array.build().toString();
    }

    static List<Instruction> read(String stored) {
        if (stored == null || stored.isBlank() || "[]".equals(stored.trim())) {
            return List.of();
        }
        JsonArray array;
        try (var reader = Provider.JSON.createReader(new StringReader(stored))) {
            array = reader.readArray();
        }
        List<Instruction> instructions = new ArrayList<>(array.size());
        for (JsonValue value : array) {
            JsonObject o = value.asJsonObject();
            List<String> steps = new ArrayList<>();
            JsonValue rawSteps = o.get("steps");
            if (rawSteps != null && rawSteps.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue step : rawSteps.asJsonArray()) {
                    if (step instanceof JsonString s) {
                        steps.add(s.getString());
                    }
                }
            }
            JsonValue title = o.get("title");
            instructions.add(new Instruction(title instanceof JsonString s ? s.getString() : null, steps));
        }
        return instructions;
    }
}
