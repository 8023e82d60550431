import Descriptors
import Training

extension StudentPlan {
    /// The same plan with the angular symmetry functions removed: the radial-only student the
    /// completeness exercise compares with the full one (same data, network and fitting recipe).
    /// Throws when an element would be left without functions (a recipe of angular functions alone).
    public func radialOnly() throws -> StudentPlan {
        var recipe = student
        recipe.symmetryFunctions = try recipe.symmetryFunctions.mappingFunctions { $0.angularForm == nil ? $0 : nil }
        return replacing(recipe)
    }

    /// The same plan with every angular function in `form` (narrow G4 or wide G5), same η, ζ, λ:
    /// how the completeness exercise compares the two forms on the same data.
    public func angular(_ form: SymmetryFunction.AngularForm) throws -> StudentPlan {
        var recipe = student
        recipe.symmetryFunctions = try recipe.symmetryFunctions.mappingFunctions { $0.inAngularForm(form) }
        return replacing(recipe)
    }

    /// The same recipe with fewer teacher configurations and/or epochs (nil keeps the scene's), for
    /// students an exercise trains in seconds. Sampling chains, temperatures, learning-rate schedule
    /// and seeds stay the scene's.
    public func reduced(configurations: Int? = nil, epochs: Int? = nil) -> StudentPlan {
        var recipe = student
        if let configurations { recipe.sampling.configurations = configurations }
        if let epochs { recipe = recipe.withEpochs(epochs) }
        return replacing(recipe)
    }

    private func replacing(_ recipe: StudentRecipe) -> StudentPlan {
        StudentPlan(sceneName: sceneName, teacher: teacher, start: start, student: recipe)
    }
}
