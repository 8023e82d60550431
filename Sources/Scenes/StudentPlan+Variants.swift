import Training

extension StudentPlan {
    /// The same plan with the angular symmetry functions removed: the radial-only student the
    /// completeness exercise compares with the full one (same data, network and fitting recipe).
    public var radialOnly: StudentPlan {
        var spec = student
        spec.descriptors.angular = []
        return StudentPlan(sceneName: sceneName, teacher: teacher, start: start, sampling: sampling, student: spec, elements: elements)
    }

    /// The same plan with every angular function in `form` (narrow G4 or wide G5), same η, ζ, λ:
    /// how the completeness exercise compares the two forms on the same data.
    public func angular(_ form: DescriptorSpec.AngularForm) -> StudentPlan {
        var spec = student
        spec.descriptors.angular = spec.descriptors.angular.map { var a = $0; a.form = form; return a }
        return StudentPlan(sceneName: sceneName, teacher: teacher, start: start, sampling: sampling, student: spec, elements: elements)
    }

    /// The same recipe with fewer teacher configurations and/or epochs (nil keeps the scene's), for
    /// students an exercise trains in seconds. Sampling chains, temperatures, learning-rate schedule
    /// and seeds stay the scene's.
    public func reduced(configurations: Int? = nil, epochs: Int? = nil) -> StudentPlan {
        var spec = student, plan = sampling
        if let configurations {
            spec.training.configurations = configurations
            plan.configurations = configurations
        }
        if let epochs { spec.training.epochs = epochs }
        return StudentPlan(sceneName: sceneName, teacher: teacher, start: start, sampling: plan, student: spec, elements: elements)
    }
}
