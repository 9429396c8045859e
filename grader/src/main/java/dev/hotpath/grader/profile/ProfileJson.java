package dev.hotpath.grader.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Profiles as compact JSON: what the platform stores per submission and what the flame graph script
 * draws from. The records are the contract; this only moves them across.
 */
public final class ProfileJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileJson() {
    }

    public static String write(Object profileOrComparison) {
        try {
            return JSON.writeValueAsString(profileOrComparison);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile could not be written as JSON", e);
        }
    }

    public static Profile readProfile(String json) throws JsonProcessingException {
        return JSON.readValue(json, Profile.class);
    }

    public static ProfileComparison readComparison(String json) throws JsonProcessingException {
        return JSON.readValue(json, ProfileComparison.class);
    }
}
